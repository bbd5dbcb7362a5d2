import type { FieldError } from '@bouwsteen/common';
import { inDutch } from '@bouwsteen/taxonomy/pure';

/** `module.learningOutcomes.0.text` → `veld-module-learningOutcomes-0-text` */
export function fieldId(path: string): string {
  return 'veld-' + path.replace(/[^A-Za-z0-9]+/g, '-');
}

/** `module.learningOutcomes.0.text` → `module[learningOutcomes][0][text]` (qs nesting). */
export function fieldName(path: string): string {
  const [first, ...rest] = path.split('.');
  return first + rest.map((part) => `[${part}]`).join('');
}

/**
 * One line of an error summary: the field's label, then what is wrong. A label that asks a
 * question ("Waarvoor wilt u het gebruiken?") or already ends in a colon is not followed by
 * another colon ("?:").
 */
export function summaryLine(label: string, messages: readonly string[]): string {
  const name = label.trim();
  const joiner = /[?:]$/.test(name) ? ' ' : ': ';
  return `${name}${joiner}${messages.join(' ')}`;
}

/**
 * A form's errors by field, in Dutch: each worded by its code in the message catalogue. An error
 * is shown at the field it names or, when the form has no input for that exact path (a list as
 * a whole, an object), at its nearest shown parent.
 */
export class FieldErrors {
  private readonly byPath = new Map<string, string[]>();

  constructor(
    errors: readonly FieldError[] = [],
    private readonly shown: ReadonlySet<string> = new Set(),
  ) {
    for (const error of errors) {
      const path = this.anchor(error.field);
      const list = this.byPath.get(path) ?? [];
      const message = inDutch(error);
      if (!list.includes(message)) list.push(message);
      this.byPath.set(path, list);
    }
  }

  get any(): boolean {
    return this.byPath.size > 0;
  }

  at(path: string): string[] {
    return this.byPath.get(path) ?? [];
  }

  all(): { path: string; messages: string[] }[] {
    return [...this.byPath].map(([path, messages]) => ({ path, messages }));
  }

  private anchor(path: string): string {
    if (this.shown.size === 0) return path;
    const parts = path.split('.');
    for (let length = parts.length; length > 0; length--) {
      const candidate = parts.slice(0, length).join('.');
      if (this.shown.has(candidate)) return candidate;
    }
    return path;
  }
}
