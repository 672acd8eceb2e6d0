import type { HostPlatform } from '../core/platform/host-platform';
import { createSaneScanner } from '../core/platform/sane';

/** HostPlatform for the CLI, the web host and tests: no windows; files come from arguments; scanners through SANE. */
export function createHeadlessPlatform(options: { pickedFiles?: string[]; pickedFolder?: string } = {}): HostPlatform {
  return {
    kind: 'headless',
    pickFiles: async () => options.pickedFiles ?? [],
    pickFolder: async () => options.pickedFolder ?? null,
    pickSavePath: async () => null,
    revealInFolder: async () => undefined,
    printPdf: async () => ({ printed: false, reason: 'headless host: open the PDF and print it from a viewer' }),
    scanners: createSaneScanner(),
  };
}
