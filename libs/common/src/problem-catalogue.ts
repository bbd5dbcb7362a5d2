/** What a problem code means: its HTTP status, a title a person understands, and what to do. */
export interface ProblemDefinition {
  status: number;
  title: string;
  description: string;
}

export interface CataloguedProblem extends ProblemDefinition {
  code: string;
  library: string;
}

const catalogue = new Map<string, CataloguedProblem>();

/**
 * Registers a library's problem codes (its error enum) once, at import. The global filter maps
 * every code through this catalogue, the OpenAPI document lists it, and /problems/<code>
 * explains each. A Record keyed by the enum makes the compiler demand a definition per member.
 */
export function defineProblems<Code extends string>(
  library: string,
  definitions: Record<Code, ProblemDefinition>,
): Record<Code, ProblemDefinition> {
  for (const [code, definition] of Object.entries<ProblemDefinition>(definitions)) {
    const existing = catalogue.get(code);
    if (existing && existing.library !== library)
      throw new Error(`Problem code ${code} is defined by both ${existing.library} and ${library}`);
    catalogue.set(code, { ...definition, code, library });
  }
  return definitions;
}

export function problemDefinition(code: string): CataloguedProblem | undefined {
  return catalogue.get(code);
}

export function allProblems(): CataloguedProblem[] {
  return [...catalogue.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The problem `type`: a relative URI that resolves to a page explaining the code. */
export function problemType(code: string): string {
  return `/problems/${code}`;
}
