/**
 * Every message a user can get about a scenario, written once as a function (vega-lite's
 * log/message.ts), so tests can check them by identity and wording stays consistent.
 */

export const fileNotFound = () => `no such file (check the path)`;
export const fileUnreadable = (reason: string) => `cannot read the scenario file: ${reason}`;
export const fileTooLarge = (limit: string) => `the file is larger than ${limit}, the limit for a scenario file (a scenario is a few kilobytes)`;
export const yamlSyntax = (detail: string) => `YAML syntax error: ${detail}`;
export const notAMapping = () => 'a scenario must be a YAML mapping of keys (name, horizon, arrivals, …)';
export const emptyFile = () => 'the file is empty; a scenario is a YAML mapping of keys (name, horizon, arrivals, …)';
export const emptyDocument = () => 'the document is empty (only comments or blank lines); a scenario is a YAML mapping of keys (name, horizon, arrivals, …)';
export const crLineEnds = () =>
  'the lines end in a bare carriage return (CR, old Mac style), which YAML does not read as a line break, so the whole file is one line; save it with LF (or CRLF) line ends';
export const nestedTooDeep = (limit: number) => `mappings and lists are nested more than ${limit} levels deep (the limit; a scenario needs about 6)`;
export const undefinedAlias = (name: string) => `the alias *${name} refers to no anchor &${name} before it (an anchor must be defined before its aliases)`;
export const aliasCycle = (name: string) => `the alias *${name} is inside the value anchored as &${name} itself, which would make the value contain itself`;
export const aliasExpansion = (limit: number) =>
  `the aliases expand the document to more than ${limit.toLocaleString('en-US')} values (the limit; an alias that repeats an alias that repeats another grows exponentially)`;
export const duplicateKey = (key: string) => `the key "${key}" is given twice in this mapping (keys must be unique)`;
export const protoKey = () => 'the key "__proto__" is not allowed (no scenario key has that name)';
export const keyNotScalar = () => 'a key must be a plain word or number, not a mapping or a list';
export const unknownKey = (key: string, allowed: readonly string[], suggestion: string | undefined) =>
  `unknown key "${key}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}; allowed here: ${allowed.join(', ')}`;
export const missingKey = (expected: string) => `required, missing (expected ${expected})`;
export const wrongType = (expected: string, received: string) => `expected ${expected}, got ${received}`;
export const notOneOf = (options: readonly unknown[]) => `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
export const warmupNotBeforeHorizon = (warmupSec: number, horizonSec: number) =>
  `warmup (${warmupSec} s) must be shorter than the horizon (${horizonSec} s)`;
export const tooManyContacts = (expected: number, limit: number) =>
  `this asks for about ${Math.round(expected).toLocaleString('en-US')} contacts per replication; the limit is ${limit.toLocaleString('en-US')} (shorten the horizon or lower the rate)`;
export const unboundedQueue = (expected: number, limit: number) =>
  `with no patience and an offered load at or above the agents, the queue grows without bound to about ${Math.round(expected).toLocaleString('en-US')} waiting contacts; the limit is ${limit.toLocaleString('en-US')} (add patience, agents, or shorten the horizon)`;
export const protoInPath = (path: string) => `"${path}" goes through "__proto__", which is not a key of the scenario`;
export const badOverridePath = (path: string) => `"${path}" is not a dot path of the scenario (use keys joined by ".", e.g. "staffing.agents")`;
export const noListItem = (path: string, at: string, items: readonly string[]) =>
  `"${path}": "${at}" picks no item of the list (items are picked by name, or by index from 0 where they have none): ${items.join(', ')}`;
export const overrideIntoScalar = (path: string, at: string) => `"${path}" goes through "${at}", which is not a mapping`;
export const nameTooLong = (what: string, limit: number) =>
  `${what} must be at most ${limit} characters (names become parts of file and directory names, such as out/<name>/)`;
export const tooManyItems = (what: string, limit: number) => `${what} may have at most ${limit.toLocaleString('en-US')} items (limit)`;
export const emptyShift = (start: string, end: string) =>
  `a shift from ${start} to ${end} is empty (start and end are the same time of day); a 24-hour shift is written start "00:00", end "24:00"`;
export const inDecision = (key: string, value: unknown, path: string, message: string) => `decision ${key} = ${JSON.stringify(value)}${path && path !== key ? ` (${path})` : ''}: ${message}`;
export const decisionsOverlap = (outer: string, inner: string) => `decisions ${outer} and ${inner} overlap: one sets part of the other`;
export const longTermValueNeedsCustomers = () => 'objective longTermValue needs customers (it is NPV + the customer equity at the horizon); use profit or cost';
export const inPolicy = (policy: string, path: string, message: string) => `policy "${policy}"${path ? ` sets ${path}` : ''}: ${message}`;
export const duplicatePolicy = (name: string) => `policy name "${name}" is used twice (names must be unique; "baseline" is taken by the base scenario)`;
export const staffingOrGroups = () => 'give either staffing: { agents } (one group around the clock) or groups: [ … ] (agent groups with shifts), not both';
export const noStaffing = () => 'the scenario needs staffing: { agents } or groups: [ … ]';
export const agentsOrShifts = () => 'give a group exactly one of agents (around the clock), shifts, or roster (agents interval by interval)';
export const scaledTooMany = (agents: number, scale: number, scaled: number, limit: number) =>
  `staffingScale ${scale} makes ${agents} agents ${scaled.toLocaleString('en-US')}; at most ${limit.toLocaleString('en-US')} agents are allowed (limit)`;
export const rosterLength = (length: number, perDay: number, horizonIntervals: number) =>
  `roster.agents has ${length} values; it needs one day's (${perDay}), one week's (${7 * perDay}) or the whole horizon's (${horizonIntervals}) worth`;
export const rosterShrinkage = () => 'a roster lists the agents on duty, so shrinkage does not apply to it (remove shrinkage, or use shifts)';
export const startDateWithWeekday = () => 'give calendar.startDate or startWeekday/startMonth, not both (the date sets the weekday and the month)';
export const holidaysNeedDate = () => 'calendar.holidays needs calendar.startDate (holidays are dates)';
export const emptyPeriod = (what: string) => `${what} start and end are the same time; a whole day is written "00:00" to "24:00"`;
export const intradayByWeekdayLength = (day: string, length: number, expected: number, intervalMin: number) =>
  `intradayByWeekday.${day} has ${length} factors; with intervalMin ${intervalMin} a day has ${expected} intervals`;
export const noHandleTime = (reason: string) => `reason "${reason}" has no handleTime and there is no top-level handleTime to fall back on`;
export const unknownReason = (name: string, known: readonly string[]) => `no reason is named "${name}"; reasons: ${known.join(', ')}`;
export const reasonRateMissing = (reason: string) => `gives issues per month by reason but none for reason "${reason}" (give it a rate, 0 for none)`;
export const shareWithReasonRates = (reason: string) =>
  `reason "${reason}" gives a share, but customers.issuesPerMonth gives a rate per reason, which sets the shares; remove one of them`;
export const reasonShareMissing = (reason: string) => `reason "${reason}" needs a share (with several reasons, shares add up to 1), or give customers.issuesPerMonth per reason`;
export const noIssues = () => 'the issue rates add up to 0: at least one reason needs a rate > 0';
export const sharesNotOne = (what: string, sum: number) => `the ${what} shares add up to ${sum}; they must add up to 1`;
export const duplicateName = (what: string, name: string) => `${what} name "${name}" is used twice`;
export const unknownGroup = (name: string, known: readonly string[]) => `no group is named "${name}"; groups: ${known.join(', ')}`;
export const escalationToSelf = (name: string) => `group "${name}" cannot escalate to itself`;
export const escalationCycle = (names: readonly string[]) => `escalation loops: ${names.join(' → ')} (transfers must end at a top tier)`;
export const intradayLength = (length: number, expected: number, intervalMin: number) =>
  `intraday has ${length} factors; with intervalMin ${intervalMin} a day has ${expected} intervals`;
export const intradayAllZero = () => 'intraday needs at least one factor > 0';
export const breakOutsideShift = () => 'a break must lie inside its shift';
export const noChannel = () => 'channels needs at least one channel with a share > 0';
export const rateOrCustomers = () => 'give arrivals.ratePerHour (a fixed level) or customers (the base raises the contacts), exactly one';
export const satisfactionWithoutCustomers = () => 'satisfaction needs customers (the lifecycle it feeds)';
export const tooManyCustomers = (expected: number, limit: number) =>
  `this asks for ${Math.round(expected).toLocaleString('en-US')} customer ids per replication (initial + acquisitions over the horizon + the reserve for word-of-mouth referrals); the limit is ${limit.toLocaleString('en-US')} (shorten the horizon or lower customers.initial, customers.acquisition.perMonth or wordOfMouth's tellsSatisfied × convertProb)`;
export const issuesPerMonthType = (max: number) => `issuesPerMonth must be a number from 0 to ${max}, or a mapping reason name → such a number`;
export const formulaSyntax = (formula: string, detail: string) => `cannot read the formula "${formula}": ${detail}`;
export const formulaUnknownSymbol = (formula: string, symbol: string, known: readonly string[]) =>
  `the formula "${formula}" uses "${symbol}", which is not a variable; variables: ${known.join(', ')}`;
export const formulaUnknownFunction = (formula: string, fn: string, known: readonly string[]) =>
  `the formula "${formula}" calls "${fn}", which is not allowed; functions: ${known.join(', ')}`;
export const formulaUnsupported = (formula: string, what: string) => `the formula "${formula}" uses ${what}, which is not allowed (numbers, variables, + - * / ^, comparisons, min/max/exp/log/abs/sqrt, a ? b : c, parentheses)`;
