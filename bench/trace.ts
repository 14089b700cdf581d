/**
 * DevTools traces for the benchmark: record the renderer's tasks with the CDP Tracing domain, so
 * the benchmark can find tasks over 50 ms, and the compilation of the extension's scripts (the
 * rest of its time is attributed from CPU profiles, cpu-profile.ts).
 *
 * Two categories are recorded: `toplevel` (one event per task, plus thread names) and `v8`,
 * whose `v8.compile` events time each script's compilation before it runs. No profile sample
 * holds a frame of a script that is still being compiled, so without them a script that
 * compiles more up front would look cheaper than it is.
 * Must never: record categories the figures do not use.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string; [k: string]: unknown };
}

const CATEGORIES = 'toplevel,v8';

export async function startTrace(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' } as never);
  return cdp;
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete' as never, ((e: { stream: string }) => resolve(e.stream)) as never),
  );
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream } as never)) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream } as never);
  await cdp.detach().catch(() => {});
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** Renderer main threads ("pid:tid"), where pages and their content scripts run. */
export function rendererMainThreads(events: readonly TraceEvent[]): Set<string> {
  return new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
}

/**
 * Milliseconds a renderer's main thread spent compiling scripts whose URL starts with
 * `urlPrefix` before they ran (the extension's service worker compiles on its own thread).
 */
export function scriptCompileMs(events: readonly TraceEvent[], urlPrefix: string): number {
  const mains = rendererMainThreads(events);
  let us = 0;
  for (const e of events) {
    if (e.name !== 'v8.compile' || e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const url = (e.args?.data as { url?: unknown } | undefined)?.url;
    if (typeof url === 'string' && url.startsWith(urlPrefix)) us += e.dur ?? 0;
  }
  return us / 1000;
}
