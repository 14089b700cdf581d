/**
 * CPU profiles for the benchmark: V8's sampling profiler, and samples charged to the extension
 * (a frame from chrome-extension://<id>/ on the stack), cut at their task's start and scaled by
 * the task's CPU share from the trace, so a wait for a core is not the script's (bench/README.md).
 * Must never: attribute a sample without an extension frame on its stack to the extension.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ThreadTask } from './trace';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(page: Page, intervalUs = 100): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return cdp;
}

export async function stopProfile(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach().catch(() => {});
  return profile;
}

export interface Attribution {
  /** Milliseconds of samples with an extension frame on the stack. */
  ms: number;
  /** The CPU time of the main thread in them (equal to `ms` when no tasks were given). */
  cpuMs: number;
  /** [start, end] in profile microseconds of each run of consecutive extension samples. */
  spans: [number, number][];
  /**
   * When each extension sample was taken. A span starts one sampling interval before its first
   * sample (the time charged to it), which may lie in the task before ours: whether a task holds
   * extension work is asked of these instants instead.
   */
  sampleTimes: number[];
  /** Self time per extension function, ms, largest first. */
  hot: [string, number][];
}

export function extensionTime(profile: CpuProfile, urlPrefix: string, tasks: readonly ThreadTask[] = []): Attribution {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const inExt = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const cached = inExt.get(id);
    if (cached !== undefined) return cached;
    const n = byId.get(id)!;
    const v = n.callFrame.url.startsWith(urlPrefix) || (n.parent !== undefined && isExt(n.parent));
    inExt.set(id, v);
    return v;
  };
  let t = profile.startTime;
  let total = 0;
  let cpu = 0;
  let k = 0;
  const spans: [number, number][] = [];
  const sampleTimes: number[] = [];
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    const id = profile.samples[i]!;
    // A sample's delta is the time since the previous sample: charge it to this sample's stack.
    if (!isExt(id)) continue;
    while (k < tasks.length && tasks[k]!.ts + tasks[k]!.dur < t) k++;
    const task = k < tasks.length && tasks[k]!.ts <= t ? tasks[k]! : null;
    const wall = task ? Math.min(dt, t - task.ts) : dt;
    total += wall;
    cpu += task && task.dur > 0 ? (wall * Math.min(task.tdur, task.dur)) / task.dur : wall;
    sampleTimes.push(t);
    const start = t - wall;
    const last = spans[spans.length - 1];
    if (last && start - last[1] < 300) last[1] = t;
    else spans.push([start, t]);
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.startsWith(urlPrefix) ? n.callFrame.url.slice(urlPrefix.length) : n.callFrame.url || '(native)'}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + wall / 1000);
  }
  return { ms: total / 1000, cpuMs: cpu / 1000, spans, sampleTimes, hot: [...self].sort((a, b) => b[1] - a[1]) };
}

/** Whether an extension sample was taken during [start, start + dur] (profile microseconds). */
export function sampledDuring(att: Attribution, start: number, dur: number): boolean {
  return att.sampleTimes.some((t) => t >= start && t <= start + dur);
}
