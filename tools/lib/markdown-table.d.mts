export declare const tableCell: (text: unknown) => string;
export declare function markdownTable(head: string[], rows: string[][]): string;
