/** Thrown by `buildCity` when a fixture fails validation; `errors` names every bad value. */
export class CityFixtureError extends Error {
  readonly errors: readonly string[];

  constructor(errors: readonly string[]) {
    const shown = errors.slice(0, 10).join('; ');
    const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : '';
    super(`invalid city fixture: ${shown}${more}`);
    this.name = 'CityFixtureError';
    this.errors = errors;
  }
}
