/** Hash routes: #/targets, #/targets/new, #/targets/12, #/targets/12/edit, #/settings/bureaus … */
export type Route =
  | { name: 'targets'; params: URLSearchParams }
  | { name: 'target-new' }
  | { name: 'target-detail'; id: number }
  | { name: 'target-edit'; id: number }
  | { name: 'items'; params: URLSearchParams }
  | { name: 'inspectors'; params: URLSearchParams }
  | { name: 'plans'; params: URLSearchParams }
  | { name: 'plan-detail'; id: number }
  | { name: 'task-new'; planId: number }
  | { name: 'task-edit'; planId: number; taskId: number }
  | { name: 'draws'; params: URLSearchParams }
  | { name: 'inspections'; params: URLSearchParams }
  | { name: 'inspection-detail'; id: number; params: URLSearchParams }
  | { name: 'volumes'; params: URLSearchParams }
  | { name: 'volume-detail'; id: number }
  | { name: 'scans' }
  | { name: 'scan-page'; id: number }
  | { name: 'search'; params: URLSearchParams }
  | { name: 'archives'; params: URLSearchParams }
  | { name: 'lending'; params: URLSearchParams }
  | { name: 'transfers' }
  | { name: 'backup' }
  | { name: 'publication' }
  | { name: 'reports'; params: URLSearchParams }
  | { name: 'settings-bureaus' }
  | { name: 'settings-users' }
  | { name: 'settings-audit' }
  | { name: 'not-open'; path: string }
  | { name: 'not-found'; path: string };

export const DEFAULT_PATH = '/targets';

/** Paths of areas that exist in the menu but are not built yet. */
export const UNBUILT_PATHS: readonly string[] = [];

const STATIC_ROUTES: Record<string, Route> = {
  '/targets/new': { name: 'target-new' },
  '/settings/bureaus': { name: 'settings-bureaus' },
  '/settings/users': { name: 'settings-users' },
  '/settings/audit': { name: 'settings-audit' },
};

export function splitHash(hash: string): { path: string; query: string } {
  // '#token=…' is the host's address, not a route (rpc/host-token.ts takes it away at once).
  const raw = hash.startsWith('#token=') ? DEFAULT_PATH : hash.replace(/^#/, '') || DEFAULT_PATH;
  const at = raw.indexOf('?');
  const path = (at < 0 ? raw : raw.slice(0, at)) || DEFAULT_PATH;
  return { path: path.startsWith('/') ? path : '/' + path, query: at < 0 ? '' : raw.slice(at + 1) };
}

export function parseHash(hash: string): Route {
  const { path, query } = splitHash(hash);
  if (path === '/' || path === '/targets') return { name: 'targets', params: new URLSearchParams(query) };
  if (path === '/items') return { name: 'items', params: new URLSearchParams(query) };
  if (path === '/inspectors') return { name: 'inspectors', params: new URLSearchParams(query) };
  if (path === '/plans') return { name: 'plans', params: new URLSearchParams(query) };
  if (path === '/draws') return { name: 'draws', params: new URLSearchParams(query) };
  if (path === '/inspections') return { name: 'inspections', params: new URLSearchParams(query) };
  if (path === '/volumes') return { name: 'volumes', params: new URLSearchParams(query) };
  if (path === '/scans') return { name: 'scans' };
  if (path === '/search') return { name: 'search', params: new URLSearchParams(query) };
  const scanPage = /^\/scans\/pages\/(\d+)$/.exec(path);
  if (scanPage?.[1]) return { name: 'scan-page', id: Number(scanPage[1]) };
  // '/archive' was the menu's address before the area was built: old bookmarks still land here.
  if (path === '/archives' || path === '/archive') return { name: 'archives', params: new URLSearchParams(query) };
  if (path === '/lending') return { name: 'lending', params: new URLSearchParams(query) };
  if (path === '/transfers') return { name: 'transfers' };
  if (path === '/backup') return { name: 'backup' };
  if (path === '/publication') return { name: 'publication' };
  if (path === '/reports') return { name: 'reports', params: new URLSearchParams(query) };
  const inspection = /^\/inspections\/(\d+)$/.exec(path);
  if (inspection?.[1]) return { name: 'inspection-detail', id: Number(inspection[1]), params: new URLSearchParams(query) };
  const volume = /^\/volumes\/(\d+)$/.exec(path);
  if (volume?.[1]) return { name: 'volume-detail', id: Number(volume[1]) };
  const plan = /^\/plans\/(\d+)(?:\/tasks\/(new|\d+))?$/.exec(path);
  if (plan?.[1]) {
    const planId = Number(plan[1]);
    if (!plan[2]) return { name: 'plan-detail', id: planId };
    return plan[2] === 'new' ? { name: 'task-new', planId } : { name: 'task-edit', planId, taskId: Number(plan[2]) };
  }
  const fixed = STATIC_ROUTES[path];
  if (fixed) return fixed;
  const target = /^\/targets\/(\d+)(\/edit)?$/.exec(path);
  if (target?.[1]) {
    const id = Number(target[1]);
    return target[2] ? { name: 'target-edit', id } : { name: 'target-detail', id };
  }
  if (UNBUILT_PATHS.includes(path)) return { name: 'not-open', path };
  return { name: 'not-found', path };
}

/** The menu key a route belongs to. */
export function menuKeyOf(route: Route): string {
  switch (route.name) {
    case 'targets':
    case 'target-new':
    case 'target-detail':
    case 'target-edit':
      return '/targets';
    case 'items':
      return '/items';
    case 'inspectors':
      return '/inspectors';
    case 'plans':
    case 'plan-detail':
    case 'task-new':
    case 'task-edit':
      return '/plans';
    case 'draws':
      return '/draws';
    case 'inspections':
    case 'inspection-detail':
      return '/inspections';
    case 'volumes':
    case 'volume-detail':
      return '/volumes';
    case 'scans':
    case 'scan-page':
      return '/scans';
    case 'search':
      return '/search';
    case 'archives':
      return '/archives';
    case 'lending':
      return '/lending';
    case 'transfers':
      return '/transfers';
    case 'backup':
      return '/backup';
    case 'publication':
      return '/publication';
    case 'reports':
      return '/reports';
    case 'settings-bureaus':
      return '/settings/bureaus';
    case 'settings-users':
      return '/settings/users';
    case 'settings-audit':
      return '/settings/audit';
    case 'not-open':
    case 'not-found':
      return route.path;
  }
}
