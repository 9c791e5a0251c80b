/** Why an import was refused: every problem, each naming the item, its id and the field. */

/** One reason an import was refused. */
export interface ImportProblem {
  /** Position of the annotation in the file (0-based), when the problem is about one. */
  index?: number;
  /** Its id, when it has one. */
  id?: string;
  /** The field, as a path inside that annotation (e.g. `target.selector[1].type`); '' for the file. */
  path: string;
  message: string;
}

export function formatProblem(p: ImportProblem): string {
  const item = p.index === undefined ? 'file' : `item ${p.index}${p.id ? ` (id "${p.id}")` : ''}`;
  return `${item}${p.path ? `, field ${p.path}` : ''}: ${p.message}`;
}

const SHOWN_PROBLEMS = 20;

/** The import was refused; nothing was written. `problems` lists every reason found. */
export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  - ${formatProblem(p)}`);
    const more = problems.length > SHOWN_PROBLEMS ? [`  … and ${problems.length - SHOWN_PROBLEMS} more`] : [];
    super(
      problems.length === 1 && problems[0]!.index === undefined
        ? `Import refused, nothing was imported: ${problems[0]!.message}`
        : `Import refused, nothing was imported (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`,
    );
    this.name = 'ImportError';
  }
}

export function fileProblem(message: string): ImportError {
  return new ImportError([{ path: '', message }]);
}

/** The researcher cancelled the import; the store is as it was before it started. */
export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled: nothing was changed.');
    this.name = 'ImportCancelled';
  }
}
