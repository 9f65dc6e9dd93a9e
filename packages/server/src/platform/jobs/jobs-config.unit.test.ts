import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

describe('scheduled jobs configuration', () => {
  it('runs jobs by default: the outbox every 30 s, ticks every 5 s, leases of 5 minutes', () => {
    expect(loadConfig({})).toMatchObject({ jobsEnabled: true, changeNoticeOutboxSeconds: 30, jobsTickSeconds: 5, jobsLeaseSeconds: 300 });
  });

  it('reads every jobs variable', () => {
    const config = loadConfig({ JOBS: 'false', JOBS_TICK_SECONDS: '2', JOBS_LEASE_SECONDS: '60', JOBS_CHANGE_NOTICE_OUTBOX_SECONDS: '10' });
    expect(config).toMatchObject({ jobsEnabled: false, jobsTickSeconds: 2, jobsLeaseSeconds: 60, changeNoticeOutboxSeconds: 10 });
  });

  it('refuses values that would make a job run constantly or lose its lease mid-run, naming the variable', () => {
    expect(() => loadConfig({ JOBS: 'yes' })).toThrowError(/JOBS/);
    expect(() => loadConfig({ JOBS_TICK_SECONDS: '0' })).toThrowError(/JOBS_TICK_SECONDS/);
    expect(() => loadConfig({ JOBS_LEASE_SECONDS: '1' })).toThrowError(/JOBS_LEASE_SECONDS/);
    expect(() => loadConfig({ JOBS_CHANGE_NOTICE_OUTBOX_SECONDS: 'often' })).toThrowError(ConfigError);
  });
});
