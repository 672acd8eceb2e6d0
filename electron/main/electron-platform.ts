import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { HostPlatform } from '../core/platform/host-platform';
import { createSaneScanner } from '../core/platform/sane';

/** The PDF viewer renders after did-finish-load; printing straight away can give blank pages. */
const PRINT_SETTLE_MS = 800;

/** HostPlatform for the desktop app: native dialogs attached to the current window. */
export function createElectronPlatform(currentWindow: () => BrowserWindow | null): HostPlatform {
  const parent = () => {
    const window = BrowserWindow.getFocusedWindow() ?? currentWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  /** The system's open dialog, attached to the window in front when there is one. */
  const openDialog = (options: OpenDialogOptions) => {
    const window = parent();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  return {
    kind: 'electron',
    async pickFiles({ title, filters, multiple }) {
      const result = await openDialog({ title, filters: filters ?? [], properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] });
      return result.canceled ? [] : result.filePaths;
    },
    async pickFolder({ title }) {
      const result = await openDialog({ title, properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSavePath({ title, defaultName, filters }) {
      const options: SaveDialogOptions = { title, defaultPath: defaultName, filters: filters ?? [] };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async revealInFolder(filePath) {
      shell.showItemInFolder(path.resolve(filePath));
    },
    printPdf,
    scanners: createSaneScanner(),
  };
}

/** Load the PDF in a hidden, locked-down window and open the system print dialog. */
async function printPdf(filePath: string): Promise<{ printed: boolean; reason?: string }> {
  const absolute = path.resolve(filePath);
  try {
    await fs.access(absolute);
  } catch {
    return { printed: false, reason: 'file not found' };
  }
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, devTools: false },
  });
  // Main-process loadURL does not fire will-navigate; anything the document tries itself is blocked.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await window.loadURL(pathToFileURL(absolute).toString());
    await new Promise((resolve) => setTimeout(resolve, PRINT_SETTLE_MS));
    return await new Promise((resolve) => {
      window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) =>
        resolve(success ? { printed: true } : { printed: false, reason: failureReason || 'cancelled' }),
      );
    });
  } catch (error) {
    return { printed: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}
