import type { Case, CaseActionRequest, CaseChanged } from '@cbo/contracts';

/** Outcome of posting an action: applied, refused with the current case (409/422/400), or failed. */
export type PostActionOutcome =
  | { kind: 'applied'; change: CaseChanged }
  | { kind: 'refused'; status: number; code: string; message: string; current: Case | null }
  | { kind: 'failed'; message: string };

/** POSTs an officer's action on a case (the session cookie goes along). */
export async function postCaseAction(caseId: string, request: CaseActionRequest): Promise<PostActionOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/cases/${encodeURIComponent(caseId)}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { kind: 'applied', change: body as unknown as CaseChanged };
  return {
    kind: 'refused',
    status: response.status,
    code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
    message: typeof body.message === 'string' ? body.message : response.statusText,
    current: (body.case as Case | undefined) ?? null,
  };
}
