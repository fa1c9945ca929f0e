export declare function replaceMarkedBlock(
  text: string,
  markers: { start: string; end: string; file: string },
  block: string,
): string;
