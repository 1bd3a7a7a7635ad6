/** What Tauri injects into every page: the one door to the core. Only `api.js` may use it. */
interface TauriInternals {
  invoke<T>(
    cmd: string,
    args?: Record<string, unknown> | Uint8Array | ArrayBuffer,
    options?: { headers?: Record<string, string> },
  ): Promise<T>;
  transformCallback(callback: (payload: any) => void, once?: boolean): number;
}

interface Window {
  __TAURI_INTERNALS__: TauriInternals;
}
