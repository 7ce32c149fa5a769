import type { SharedState } from '../../cluster/shared-state';
import { RateLimitedError } from '../errors';
import { normalizeEmail } from './auth.service';

const WINDOW_SECONDS = 15 * 60;

/**
 * Login attempts per account and per client address, as token buckets that refill over 15
 * minutes, shared by every instance. Every attempt counts (a success too: nobody logs in ten
 * times in a quarter of an hour); past either budget the login is refused with RATE_LIMITED and
 * a retry time, before the password is even checked.
 */
export class LoginLimiter {
  constructor(
    private readonly state: SharedState,
    private readonly perAccount: number,
    private readonly perAddress: number,
  ) {}

  async check(email: string, address: string | undefined): Promise<void> {
    const account = await this.state.take(`login:account:${normalizeEmail(email).slice(0, 254)}`, 1, { capacity: this.perAccount, refillPerSecond: this.perAccount / WINDOW_SECONDS });
    const byAddress = address ? await this.state.take(`login:address:${address}`, 1, { capacity: this.perAddress, refillPerSecond: this.perAddress / WINDOW_SECONDS }) : undefined;
    const refused = [account, byAddress].filter((r) => r && !r.allowed);
    if (refused.length) {
      const retryAfterSeconds = Math.max(...refused.map((r) => r!.retryAfterSeconds));
      throw new RateLimitedError(`Too many login attempts; retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
    }
  }
}
