package io.encaisse.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.encaisse.shared.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 3's pricing benchmark: price resolution from memory-cached data, one thread,
 * against 50,000 products with 10 dated prices each (8 consecutive periods and 2 volume
 * tiers) and 5,000 customer agreements (fixed prices and percentages) spread over 2,000
 * customers. Each query draws a product, a customer (none half of the time), a quantity
 * of 1 to 200 and a date. Run with {@code bench/pricing.sh}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Threads(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class PricingBenchmark {

	static final int PRODUCTS = 50_000;

	static final int CUSTOMERS = 2_000;

	static final int AGREEMENTS = 5_000;

	static final int QUERIES = 1_000_000;

	static final LocalDate START = LocalDate.of(2024, 1, 1);

	Pricing pricing;

	String[] skus;

	String[] customers;

	BigDecimal[] quantities;

	LocalDate[] dates;

	int next;

	@Setup(Level.Trial)
	public void catalog() {
		SplittableRandom random = new SplittableRandom(42);
		this.pricing = new Pricing(null);
		for (int p = 0; p < PRODUCTS; p++) {
			String sku = "SKU-" + p;
			List<Pricing.ListPrice> history = new ArrayList<>();
			BigDecimal base = BigDecimal.valueOf(1000 + random.nextInt(500_000), 2);
			for (int period = 0; period < 8; period++) {
				LocalDate from = START.plusDays(period * 120L);
				LocalDate to = period == 7 ? null : from.plusDays(119);
				history.add(new Pricing.ListPrice(sku + "-" + period, sku, Pricing.DEFAULT_LIST,
						Money.of(base.add(BigDecimal.valueOf(period)), "EUR"), BigDecimal.ONE, from, to, "bench"));
			}
			history.add(new Pricing.ListPrice(sku + "-t10", sku, Pricing.DEFAULT_LIST,
					Money.of(base.multiply(new BigDecimal("0.95")), "EUR"), BigDecimal.TEN, START.plusDays(840), null,
					"bench"));
			history.add(new Pricing.ListPrice(sku + "-t100", sku, Pricing.DEFAULT_LIST,
					Money.of(base.multiply(new BigDecimal("0.90")), "EUR"), BigDecimal.valueOf(100),
					START.plusDays(840), null, "bench"));
			this.pricing.remember(sku, history);
		}
		List<List<Pricing.Agreement>> byCustomer = new ArrayList<>();
		for (int c = 0; c < CUSTOMERS; c++) {
			byCustomer.add(new ArrayList<>());
		}
		for (int a = 0; a < AGREEMENTS; a++) {
			int c = random.nextInt(CUSTOMERS);
			String sku = "SKU-" + random.nextInt(PRODUCTS);
			boolean fixed = random.nextBoolean();
			byCustomer.get(c)
				.add(new Pricing.Agreement("agr-" + a, "cus-" + c, sku, "EUR", fixed ? new BigDecimal("77.7700") : null,
						fixed ? null : new BigDecimal("12.50"), START.plusDays(random.nextInt(600)), null));
		}
		for (int c = 0; c < CUSTOMERS; c++) {
			this.pricing.rememberAgreements("cus-" + c, byCustomer.get(c));
		}
		this.skus = new String[QUERIES];
		this.customers = new String[QUERIES];
		this.quantities = new BigDecimal[QUERIES];
		this.dates = new LocalDate[QUERIES];
		for (int q = 0; q < QUERIES; q++) {
			this.skus[q] = "SKU-" + random.nextInt(PRODUCTS);
			this.customers[q] = random.nextBoolean() ? null : "cus-" + random.nextInt(CUSTOMERS);
			this.quantities[q] = BigDecimal.valueOf(1 + random.nextInt(200));
			this.dates[q] = START.plusDays(random.nextInt(1000));
		}
	}

	/**
	 * One resolution per operation: throughput, and the latency distribution (p99) in
	 * sample mode.
	 */
	@Benchmark
	@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public Object resolveOne() {
		int q = this.next++;
		if (this.next == QUERIES) {
			this.next = 0;
		}
		return this.pricing.resolve(this.skus[q], this.customers[q], this.quantities[q], "EUR", this.dates[q]);
	}

	/** The run: 1,000,000 resolutions in a row (reported per resolution). */
	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.NANOSECONDS)
	@OperationsPerInvocation(QUERIES)
	@Measurement(iterations = 3, batchSize = 1)
	@Warmup(iterations = 2, batchSize = 1)
	public void resolveAMillion(Blackhole blackhole) {
		for (int q = 0; q < QUERIES; q++) {
			blackhole.consume(
					this.pricing.resolve(this.skus[q], this.customers[q], this.quantities[q], "EUR", this.dates[q]));
		}
	}

}
