// At most `size` jobs at once: installs and compiles share two cores.
export type Schedule = <T>(job: () => Promise<T>) => Promise<T>;

export function pool(size: number): Schedule {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running >= size) return;
    const start = waiting.shift();
    if (start) {
      running += 1;
      start();
    }
  };
  return (job) =>
    new Promise((resolve, reject) => {
      waiting.push(() => {
        job()
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            next();
          });
      });
      next();
    });
}
