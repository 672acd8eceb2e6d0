/**
 * Electron entry (bundled to dist/electron/main.cjs). Lifecycle only: everything the app does lives
 * in electron/core behind createAppContext; this file wires windows, the rpc transport and dialogs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog } from 'electron';
import { createAppContext, type AppContext } from '../core/app-context';
import { APP_NAME, systemClock, type Logger } from '../core/config';
import { createFileLogger } from '../core/logger';
import { AppError } from '../../shared/errors/app-error';
import { MESSAGES_ZH } from '../../shared/errors/messages-zh';
import { appVersion, resolveAppPaths, type AppPaths } from './app-paths';
import { handleAppScheme, registerAppScheme } from './app-protocol';
import { showAbout, showFirstRunPassword, showStartupError } from './dialogs';
import { createElectronPlatform } from './electron-platform';
import { registerRpcTransport } from './ipc-transport';
import { createMainWindow, createWindowRegistry, focusWindow, type WindowRegistry } from './main-window';
import { installMenu } from './menu';
import { hardenSessions } from './session-security';

const APP_USER_MODEL_ID = 'cn.casebinder.app';
const CLOSE_TIMEOUT_MS = 10_000;

function run(): void {
  app.setName(APP_NAME);
  app.enableSandbox();
  registerAppScheme();
  const paths = resolveAppPaths(app, process.argv, process.env);
  if (!useDataDir(paths.dataDir)) return;
  // The lock is per userData folder, so two different data folders may run side by side.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const registry = createWindowRegistry();
  app.on('second-instance', () => focusWindow(registry.first()));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => start(paths, registry))
    .catch((error: unknown) => fail(error, paths.dataDir, null));
}

/** Chromium's profile and the single-instance lock follow the data folder. */
function useDataDir(dataDir: string): boolean {
  if (path.resolve(app.getPath('userData')) === dataDir) return true;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    app.setPath('userData', dataDir);
    return true;
  } catch (error) {
    fail(new AppError('DATA_READONLY', { dataDir }, { cause: error }), dataDir, null);
    return false;
  }
}

async function start(paths: AppPaths, registry: WindowRegistry): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const logger = openLogger(paths.dataDir);
  installCrashHandler(logger);
  hardenSessions();
  handleAppScheme(paths.rendererDir);
  const platform = createElectronPlatform(() => registry.first());
  let context: AppContext | null = null;
  try {
    context = await createAppContext({
      dataDir: paths.dataDir,
      resourcesDir: paths.resourcesDir,
      platform,
      create: true,
      version: appVersion(app),
      logger,
      watchInbox: true,
      periodicChecks: true,
    });
    const init = await context.ensureInitialised();
    const disposeTransport = registerRpcTransport({ context, registry, logger });
    installShutdown(context, disposeTransport, logger);
    const isDev = !app.isPackaged;
    installMenu({ isDev, onAbout: () => void showAbout(registry.first(), appVersion(app), paths.dataDir) });
    const window = createMainWindow({ preloadPath: paths.preloadPath, devTools: isDev, registry });
    const password = init.oneTimePassword;
    if (init.created && password) {
      window.once('ready-to-show', () => void showFirstRunPassword(window, init.adminLogin, password));
    }
    logger.info('desktop app started', { dataDir: paths.dataDir, version: appVersion(app) });
  } catch (error) {
    await context?.close().catch(() => undefined);
    fail(error, paths.dataDir, logger);
  }
}

/** Close the core (database, workers) before the process ends. */
function installShutdown(context: AppContext, disposeTransport: () => void, logger: Logger): void {
  let closing = false;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    disposeTransport();
    const timeout = setTimeout(() => {
      logger.error('core did not close in time; exiting');
      app.exit(0);
    }, CLOSE_TIMEOUT_MS);
    context
      .close()
      .catch((error: unknown) => logger.error('closing the core failed', { error }))
      .finally(() => {
        clearTimeout(timeout);
        app.exit(0);
      });
  });
}

/** A start-up failure: Chinese message in a native box, details in the log, then quit. */
function fail(error: unknown, dataDir: string, logger: Logger | null): void {
  (logger ?? stderrLogger).error('startup failed', { error });
  showStartupError(error, dataDir);
  app.exit(1);
}

/** Users never see Electron's stack-trace dialog for a main-process bug. */
function installCrashHandler(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception in main process', { error });
    dialog.showErrorBox('casebinder', MESSAGES_ZH.INTERNAL);
    app.exit(1);
  });
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection in main process', { error: reason }));
}

function openLogger(dataDir: string): Logger {
  try {
    return createFileLogger(path.join(dataDir, 'logs'), systemClock, !app.isPackaged);
  } catch {
    return stderrLogger;
  }
}

const stderrLogger: Logger = {
  info: () => undefined,
  warn: (message, context) => process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...describe(context) })}\n`),
  error: (message, context) => process.stderr.write(`${JSON.stringify({ level: 'error', message, ...describe(context) })}\n`),
};

function describe(context?: Record<string, unknown>): Record<string, unknown> {
  const error = context?.error;
  return error instanceof Error ? { ...context, error: { name: error.name, message: error.message } } : { ...context };
}

run();
