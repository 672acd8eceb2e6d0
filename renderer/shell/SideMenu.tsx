import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import type { Role } from '../../shared/domain/roles';
import { navigate } from '../router/navigation';
import { isGroup, mayOpen, NAV, type NavLeaf } from './nav-items';
import { NavIcon } from './NavIcon';

type MenuItem = Required<MenuProps>['items'][number];

function leafLabel(leaf: NavLeaf) {
  return (
    <span data-testid={`nav-${leaf.path.slice(1).replace(/\//g, '-')}`}>
      {leaf.label}
      {leaf.built ? null : <span style={{ color: '#b0b7c3', fontSize: 12, marginInlineStart: 6 }}>未开放</span>}
    </span>
  );
}

export function SideMenu({ selectedKey, roles }: { selectedKey: string; roles: readonly Role[] }) {
  const items = useMemo<MenuItem[]>(
    () =>
      NAV.flatMap((entry): MenuItem[] => {
        if (!isGroup(entry)) return [{ key: entry.path, icon: <NavIcon name={entry.icon} />, label: leafLabel(entry) }];
        const children = entry.children.filter((leaf) => mayOpen(leaf, roles)).map((leaf) => ({ key: leaf.path, label: leafLabel(leaf) }));
        return children.length ? [{ key: entry.key, icon: <NavIcon name={entry.icon} />, label: entry.label, children }] : [];
      }),
    [roles],
  );
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey]}
      defaultOpenKeys={['directories', 'settings']}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none' }}
      aria-label="主导航"
    />
  );
}
