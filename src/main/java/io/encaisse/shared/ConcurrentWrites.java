package io.encaisse.shared;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that two people may do to one document at the same time (two payments of one
 * invoice): the loser of a version check or a lock is not told to retry, it is retried
 * here, in a new transaction, after a short random pause, a bounded number of times (a
 * lock H2 waited for too long counts as such a conflict). Inside a transaction someone
 * else opened, the work runs once: only the owner of the transaction can start it again.
 */
public final class ConcurrentWrites {

	private ConcurrentWrites() {
	}

	/**
	 * Runs {@code work} in its own transaction, again on a concurrency failure
	 * ({@code attempts} times in all), and rethrows the last failure.
	 */
	public static <T> T retry(TransactionTemplate transactions, int attempts, Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(tx -> work.get());
			}
			catch (ConcurrencyFailureException | QueryTimeoutException conflict) {
				if (attempt >= attempts) {
					throw conflict;
				}
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) {
		long bound = Math.min(200, 5L << Math.min(attempt, 6));
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to retry a concurrent write", ex);
		}
	}

}
