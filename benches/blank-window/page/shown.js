// Tells the shell the page is on screen, as Keel's page does once its first day is drawn.
void window.__TAURI_INTERNALS__.invoke('shown');
