import { describe, expect, it, vi } from 'vitest';
import { createMenus, onCommand, onMenuClicked, openWindowOrTab, type OptionalApis } from '../../background/optional-apis';

/** A `browser` as Firefox for Android has it: tabs, but no context menus, commands or windows. */
const android = (): OptionalApis & { tabs: { create: ReturnType<typeof vi.fn> } } => ({ tabs: { create: vi.fn(async () => ({})) } });

describe('APIs Firefox for Android lacks', () => {
  it('menus and shortcuts are left out without an error where there are none', () => {
    const api = android();
    expect(createMenus(api, [{ id: 'x', title: 'X', contexts: ['selection'] }])).toBe(false);
    expect(onMenuClicked(api, () => {})).toBe(false);
    expect(onCommand(api, () => {})).toBe(false);
  });

  it('a popup window becomes a tab where there are no windows, or where the window fails', async () => {
    const api = android();
    await openWindowOrTab(api, 'popup.html?q=x');
    expect(api.tabs.create).toHaveBeenCalledWith({ url: 'popup.html?q=x' });
    const failing = { ...android(), windows: { create: vi.fn(async () => Promise.reject(new Error('no windows'))) } };
    await openWindowOrTab(failing, 'popup.html');
    expect(failing.tabs.create).toHaveBeenCalledWith({ url: 'popup.html' });
  });

  it('where they exist they are used', async () => {
    const created: unknown[] = [];
    const api: OptionalApis = {
      tabs: { create: vi.fn(async () => ({})) },
      contextMenus: { create: (item) => created.push(item), onClicked: { addListener: vi.fn() } },
      commands: { onCommand: { addListener: vi.fn() } },
      windows: { create: vi.fn(async () => ({})) },
    };
    expect(createMenus(api, [{ id: 'a', title: 'A', contexts: ['link'] }])).toBe(true);
    expect(created).toHaveLength(1);
    expect(onCommand(api, () => {})).toBe(true);
    await openWindowOrTab(api, 'popup.html');
    expect(api.windows!.create).toHaveBeenCalled();
    expect(api.tabs.create).not.toHaveBeenCalled();
  });
});
