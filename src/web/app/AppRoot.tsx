import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { PrefsProvider, usePrefs } from './prefs';
import { router } from './router';
import { SessionProvider } from './session';

dayjs.locale('zh-cn');

const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif';

/** Government-service look: a deep blue, generous spacing; large-text mode scales type and controls. */
export function themeFor(largeText: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: '#0f4c9c',
      colorLink: '#0f4c9c',
      colorInfo: '#0f4c9c',
      // antd derives pale backgrounds from the seed colour; for this deep blue they come out grey, so set them.
      colorPrimaryBg: '#e8f0fb',
      colorPrimaryBgHover: '#d6e4f7',
      colorInfoBg: '#eef4fc',
      colorInfoBorder: '#b9cfee',
      borderRadius: 6,
      fontFamily: FONT_FAMILY,
      fontSize: largeText ? 18 : 14,
      controlHeight: largeText ? 42 : 34,
      lineHeight: 1.6,
    },
    components: {
      Layout: { headerBg: '#ffffff', bodyBg: '#f4f6fa', siderBg: '#0b2e5c' },
      Menu: { darkItemBg: '#0b2e5c', darkSubMenuItemBg: '#082447' },
    },
  };
}

function ThemedApp() {
  const { locale, largeText } = usePrefs();
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  }, [locale]);
  const theme = useMemo(() => themeFor(largeText), [largeText]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function AppRoot() {
  return (
    <PrefsProvider>
      <ThemedApp />
    </PrefsProvider>
  );
}
