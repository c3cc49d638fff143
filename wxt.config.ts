import { defineConfig } from 'wxt';

// Only what Rapport uses: no `tabs`, no `scripting`, no broad hosts. Host access to LinkedIn
// already lets the background see LinkedIn tabs' URLs.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Asked for when the rep turns the daily reminder on, so no one else ever grants it.
    optional_permissions: ['notifications'],
    host_permissions: [
      'https://www.linkedin.com/*',
      // The browser tests' sync server runs on loopback: a script cannot answer the
      // browser's permission prompt, so the test build holds that one address from the start.
      ...(mode === 'e2e' ? ['http://127.0.0.1/*'] : []),
    ],
    // The rep's own sync server: the options page asks for that one address when they
    // connect it, and gives it back when they disconnect. Nothing is granted at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rapport@rapport.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
          sidebar_action: {
            default_panel: 'sidepanel.html',
            default_title: '__MSG_extName__',
          },
        }
      : {}),
  }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip' },
});
