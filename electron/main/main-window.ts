import { BrowserWindow, type WebContents } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './app-protocol';

export const WINDOW_TITLE = 'casebinder 抽查专卷管理';

/** The windows we created; only their web contents may call the rpc channel. */
export type WindowRegistry = {
  add(window: BrowserWindow): void;
  owns(contents: WebContents): boolean;
  all(): BrowserWindow[];
  first(): BrowserWindow | null;
};

export function createWindowRegistry(): WindowRegistry {
  const windows = new Set<BrowserWindow>();
  const live = () => [...windows].filter((w) => !w.isDestroyed());
  return {
    add(window) {
      windows.add(window);
      window.on('closed', () => windows.delete(window));
    },
    owns(contents) {
      return live().some((w) => w.webContents.id === contents.id);
    },
    all: live,
    first: () => live()[0] ?? null,
  };
}

export type MainWindowOptions = { preloadPath: string; devTools: boolean; registry: WindowRegistry };

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  options.registry.add(window);
  guardNavigation(window.webContents);
  // Keep our title; the renderer's <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL);
  return window;
}

/** Only app://main may be shown; links never open new windows or external browsers. */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function focusWindow(window: BrowserWindow | null): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
