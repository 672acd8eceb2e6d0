import type { ThemeConfig } from 'antd';
import { FONT_FAMILY } from './bundled-font';

export const appTheme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: '#1d4f91',
    borderRadius: 4,
    colorBgLayout: '#f0f2f5',
  },
  components: {
    Layout: { headerHeight: 48, headerPadding: '0 16px', headerBg: '#14345e', siderBg: '#ffffff' },
    Menu: { itemHeight: 38, subMenuItemBg: '#ffffff', itemSelectedBg: '#e8f0fb', itemSelectedColor: '#1d4f91', itemHoverBg: '#f2f5f9' },
    Table: { headerBg: '#f5f7fa' },
  },
};
