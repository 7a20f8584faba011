export interface ImportViolation {
  /** Path of the importing file, relative to the scanned root, with `/` separators. */
  file: string;
  line: number;
  specifier: string;
  /** Why the import crosses a boundary. */
  rule: string;
  /** `file:line imports "specifier": rule` */
  message: string;
}

export function sourceFiles(rootDir: string): string[];
export function checkImports(rootDir: string, files?: string[]): ImportViolation[];
