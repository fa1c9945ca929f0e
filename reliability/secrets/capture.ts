// Everything written to the console or the process's stdout and stderr while
// a call runs: a client must log nothing that holds a secret.
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const;

export async function captureOutput<T>(
  run: () => Promise<T>,
): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const saved = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const record = (...args: unknown[]) => {
    chunks.push(args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' '));
  };
  for (const name of CONSOLE_METHODS) console[name] = record;
  const intercept = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
    return true;
  };
  process.stdout.write = intercept as typeof process.stdout.write;
  process.stderr.write = intercept as typeof process.stderr.write;
  try {
    const result = await run();
    return { result, output: chunks.join('\n') };
  } finally {
    for (const [name, method] of saved) console[name] = method as never;
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}
