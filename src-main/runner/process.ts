/** Runs a host command (debootstrap, tar, podman) line by line, with an AbortSignal and a log tail. */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  /** the last lines of stdout + stderr, interleaved as they came */
  tail: string[];
}

export function runProcess(
  cmd: string,
  args: readonly string[],
  opts: { onLine?: (line: string) => void; signal?: AbortSignal; stdin?: NodeJS.ReadableStream; keepLines?: number } = {},
): Promise<ProcessResult> {
  const keep = opts.keepLines ?? 200;
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new Error('aborted'));
    const child = spawn(cmd, args, { stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const push = (line: string) => {
      tail.push(line);
      if (tail.length > keep) tail.shift();
      opts.onLine?.(line);
    };
    for (const s of [child.stdout, child.stderr]) {
      if (!s) continue;
      let rest = '';
      s.setEncoding('utf8');
      s.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) push(l);
      });
      s.on('end', () => rest && push(rest));
    }
    if (opts.stdin && child.stdin) opts.stdin.pipe(child.stdin);
    const onAbort = () => child.kill('SIGTERM');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      opts.signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.on('close', (code) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (opts.signal?.aborted) reject(new Error('aborted'));
      else resolve({ code, tail });
    });
  });
}
