import { paginate, type DistributionMonth, type EServicesClient } from '@iq-eservices/api';

/** Months of history shown at once, and asked for per page. */
export const HISTORY_PAGE = 12;

/**
 * The distribution history, read through the client's async iterator a batch of months at a
 * time. It remembers the cursor of the next page, so that after a failed page (which ends an
 * async generator) it starts again where it stopped instead of from the newest month.
 */
export class HistoryPager {
  private iterator: AsyncIterator<DistributionMonth> | null = null;
  /** The cursor the current iterator started from. */
  private start: string | undefined;
  /** The cursor of the page after the last one fetched; null when that was the last page. */
  private next: string | null | undefined;
  /** Items the current iterator has yielded since its last page began. */
  private taken = 0;
  /** Items per page as the server sent them (the last fetched page). */
  private pageSize = 0;
  /** The signal of the `take()` in progress. */
  private signal: AbortSignal | undefined;

  constructor(private readonly client: EServicesClient) {}

  /** True when older months may exist. */
  get hasMore(): boolean {
    return this.next !== null || this.taken < this.pageSize;
  }

  /**
   * Up to `count` more months, oldest last. A failed page throws its `EServicesError`; an aborted
   * one, the abort's reason.
   */
  async take(count = HISTORY_PAGE, signal?: AbortSignal): Promise<DistributionMonth[]> {
    const out: DistributionMonth[] = [];
    this.signal = signal;
    this.iterator ??= this.open(this.start);
    try {
      while (out.length < count) {
        const step = await this.iterator.next();
        if (step.done) {
          this.next = null;
          this.pageSize = 0;
          this.taken = 0;
          break;
        }
        this.taken += 1;
        out.push(step.value);
      }
    } catch (error) {
      // Resume after the last complete page when asked again.
      this.iterator = null;
      throw error;
    }
    return out;
  }

  private open(from: string | undefined): AsyncIterator<DistributionMonth> {
    const client = this.client;
    return paginate(async (cursor) => {
      const result = await client.rationCard.GET('/card/distributions', {
        params: { query: { cursor: cursor ?? from, limit: HISTORY_PAGE } },
        signal: this.signal,
      });
      if (result.data) {
        // The page about to be read in full: restarting later resumes after it.
        this.start = cursor ?? from;
        this.next = result.data.page.nextCursor ?? null;
        this.pageSize = result.data.items.length;
        this.taken = 0;
        if (this.next) this.start = this.next;
      }
      return result;
    })[Symbol.asyncIterator]();
  }
}
