/**
 * WHAT-IF preload for `npm run bench -- send --assume-number-rate N` (never used by Careline itself):
 * tells Careline's send pacer that every number may send N messages per second, as it would have to
 * know after Meta upgrades a number to 1,000 mps. Careline has no setting for this yet; the benchmark
 * uses it only to show what the rest of the send path can do when the pacer is not the limit.
 * Loaded with `node --import ./bench/lib/number-rate-preload.ts bin/careline.js serve`.
 */
import { SendPacer } from '../../src/modules/outbox/pacing/send-pacer.ts';

const rate = Number(process.env.BENCH_ASSUME_NUMBER_RATE);
if (Number.isFinite(rate) && rate > 0) {
  const configured = new WeakMap<SendPacer, Set<string>>();
  const reserve = SendPacer.prototype.reserve;
  SendPacer.prototype.reserve = function reserveAtAssumedRate(this: SendPacer, request) {
    let numbers = configured.get(this);
    if (!numbers) {
      numbers = new Set();
      configured.set(this, numbers);
    }
    if (!numbers.has(request.numberKey)) {
      this.setNumberRate(request.numberKey, rate);
      numbers.add(request.numberKey);
    }
    return reserve.call(this, request);
  };
}
