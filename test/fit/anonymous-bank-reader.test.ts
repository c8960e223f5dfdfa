import { describe, expect, it } from 'vitest';
import { readAnonymousBank } from '../../src/fit/layouts/anonymous-bank.js';

const HEADER = 'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
const row = (o: Record<string, string>) => {
  const r: Record<string, string> = {
    'vru+line': 'AA0101', call_id: '1', customer_id: '0', priority: '0', type: 'PS', date: '990201', vru_entry: '9:00:00', vru_exit: '9:00:10', vru_time: '10',
    q_start: '0:00:00', q_exit: '0:00:00', q_time: '0', outcome: 'AGENT', ser_start: '9:00:10', ser_exit: '9:02:10', ser_time: '120', server: 'DORIT', ...o,
  };
  return HEADER.split('\t').map((k) => r[k]).join('\t');
};
const read = (rows: Record<string, string>[]) => readAnonymousBank(`${HEADER}\r\n${rows.map(row).join('\r\n')}\r\n`);
const count = (xs: { key: string; count: number }[], key: string) => xs.find((x) => x.key === key)?.count ?? 0;

describe('the Anonymous Bank reader', () => {
  it('rolls times past midnight into the next day, relative to the call\'s own date', () => {
    // Rows of the real log (lines 14375 and 13852 of the two weeks): queued or served just after midnight.
    const log = read([
      { call_id: 'a', date: '990210', vru_entry: '23:59:56', vru_exit: '23:59:56', vru_time: '0', q_start: '0:00:02', q_exit: '0:00:29', q_time: '27', ser_start: '0:00:29', ser_exit: '0:00:58', ser_time: '29' },
      { call_id: 'b', date: '990210', vru_entry: '12:00:00', vru_exit: '12:00:05' },
    ]);
    const a = log.calls.find((c) => c.id === 'a')!;
    expect(a.arrivalSec).toBe(86_399 - 3);
    expect(a.serviceStartSec).toBe(86_400 + 29);
    expect(a.waitSec).toBe(27);
    expect(count(log.reinterpreted, 'pastMidnight')).toBe(1);
    expect(log.days).toBe(1);
  });

  it('does not take a clock out of step by a minute (vru_exit 57 s before vru_entry) for a midnight roll', () => {
    const log = read([{ vru_entry: '9:48:14', vru_exit: '9:47:17', vru_time: '-57', q_start: '9:47:17', q_exit: '9:50:11', q_time: '174', ser_start: '9:50:11', ser_exit: '9:51:28', ser_time: '77' }]);
    expect(log.calls[0]!.arrivalSec).toBe(9 * 3600 + 47 * 60 + 17);
    expect(count(log.reinterpreted, 'vruExitBeforeEntry')).toBe(1);
    expect(count(log.reinterpreted, 'pastMidnight')).toBe(0);
  });

  it('drops phantoms, VRU hang-ups and automated services, and counts each', () => {
    const log = read([
      { outcome: 'PHANTOM' },
      { outcome: 'HANG', ser_start: '0:00:00', ser_exit: '0:00:00', ser_time: '0', server: 'NO_SERVER' },
      { server: 'NO_SERVER', ser_time: '4' },
      { outcome: 'HANG', q_start: '9:00:10', q_exit: '9:01:00', q_time: '50', ser_start: '0:00:00', ser_exit: '0:00:00', ser_time: '0', server: 'NO_SERVER' },
      {},
    ]);
    expect(log.dropped.map((d) => [d.key, d.count])).toEqual([['phantom', 1], ['vruHangUp', 1], ['automatedService', 1]]);
    // Both ask for an agent at 9:00:10; equal arrivals keep the log's order.
    expect(log.calls.map((c) => [c.outcome, c.waitSec, c.queued])).toEqual([['abandoned', 50, true], ['served', 0, false]]);
  });

  it('keeps an agent\'s call without service times as answered, with no handle time; a 0-s service as answered', () => {
    const log = read([
      { q_start: '9:00:10', q_exit: '9:00:23', q_time: '13', ser_start: '0:00:00', ser_exit: '0:00:00', ser_time: '0', server: 'YIFAT' },
      { ser_exit: '9:00:10', ser_time: '0' },
    ]);
    expect(log.calls.map((c) => [c.outcome, c.waitSec, c.serviceSec])).toEqual([['served', 13, null], ['served', 0, 0]]); // equal arrivals (9:00:10): the log's order
    expect(count(log.reinterpreted, 'servedWithoutServiceTimes')).toBe(1);
    expect(count(log.reinterpreted, 'zeroService')).toBe(1);
  });

  it('reads customer 0 and spreadsheet-mangled ids (6.02701E+11) as unidentified', () => {
    const log = read([{ customer_id: '6.02701E+11' }, { customer_id: '0' }, { customer_id: '23317894', priority: '2' }]);
    expect(log.calls.map((c) => c.customer)).toEqual([null, null, '23317894']);
    expect(count(log.reinterpreted, 'mangledCustomerId')).toBe(1);
  });
});
