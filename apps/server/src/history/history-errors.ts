import createError from '@fastify/error';

/** A date that is not `YYYY-MM-DD` or not a calendar day. */
export const HistoryDateError = createError<[string]>('CBO_ERR_HISTORY_DATE', 'Not a calendar date: %s', 400);
/** An uploaded archive the store cannot read. */
export const HistoryArchiveInvalidError = createError<[string]>(
  'CBO_ERR_HISTORY_ARCHIVE',
  'History archive cannot be read: %s',
  422,
);
/** A backtest named no rule, or a rule id that does not exist. */
export const HistoryRuleUnknownError = createError<[string]>(
  'CBO_ERR_HISTORY_RULE',
  'No rule to backtest: send `rule`, or the `ruleId` of a stored rule (got %s)',
  400,
);
/** An edited rule that does not validate; the message lists what is wrong. */
export const HistoryRuleInvalidError = createError<[string]>(
  'CBO_ERR_HISTORY_RULE_INVALID',
  'Invalid rule: %s',
  400,
);
