/**
 * The extension APIs Firefox for Android lacks (context menus, commands, windows), each used only
 * where the browser has it: menus and shortcuts are simply absent there, and a popup window
 * becomes a tab. Cost: a property check per use. Must never: throw where an API is missing.
 */
import type { browser } from 'wxt/browser';

type Full = typeof browser;
type MenuItem = Parameters<Full['contextMenus']['create']>[0];
type MenuListener = Parameters<Full['contextMenus']['onClicked']['addListener']>[0];
type CommandListener = Parameters<Full['commands']['onCommand']['addListener']>[0];

/** The few members read here; the real `browser` has them all, Firefox for Android some. */
export interface OptionalApis {
  contextMenus?: { create(item: MenuItem): unknown; onClicked: { addListener(l: MenuListener): void } };
  commands?: { onCommand: { addListener(l: CommandListener): void } };
  windows?: { create(d: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
  tabs: { create(d: { url: string }): Promise<unknown> };
}

/** Create the context menu items where there are context menus; false where there are none. */
export function createMenus(api: OptionalApis, items: MenuItem[]): boolean {
  if (!api.contextMenus?.create) return false;
  for (const item of items) api.contextMenus.create(item);
  return true;
}

export function onMenuClicked(api: OptionalApis, listener: MenuListener): boolean {
  if (!api.contextMenus?.onClicked) return false;
  api.contextMenus.onClicked.addListener(listener);
  return true;
}

export function onCommand(api: OptionalApis, listener: CommandListener): boolean {
  if (!api.commands?.onCommand) return false;
  api.commands.onCommand.addListener(listener);
  return true;
}

/** A small popup window where there are windows, else (or when it fails) a tab. */
export async function openWindowOrTab(api: OptionalApis, url: string): Promise<void> {
  if (api.windows?.create) {
    const opened = await api.windows.create({ url, type: 'popup', width: 420, height: 620 }).then(
      () => true,
      () => false,
    );
    if (opened) return;
  }
  await api.tabs.create({ url });
}
