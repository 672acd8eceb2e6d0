import type { HostPlatform } from '../core/platform/host-platform';
import { createSaneScanner } from '../core/platform/sane';

/** HostPlatform for the CLI, the web host and tests: no windows; files come from arguments; scanners through SANE. */
export function createHeadlessPlatform(options: { pickedFiles?: string[] } = {}): HostPlatform {
  return {
    kind: 'headless',
    pickFiles: async () => options.pickedFiles ?? [],
    pickSavePath: async () => null,
    revealInFolder: async () => undefined,
    printPdf: async () => ({ printed: false, reason: 'headless host: open the PDF and print it from a viewer' }),
    scanners: createSaneScanner(),
  };
}
