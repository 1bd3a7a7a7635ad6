// Tells the shell the page is on screen, as Keel's page does once its first day is drawn: at the
// second frame, once the first frame that shows the page has been painted.
requestAnimationFrame(() => requestAnimationFrame(() => void window.__TAURI_INTERNALS__.invoke('shown')));
