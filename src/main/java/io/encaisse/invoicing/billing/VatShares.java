package io.encaisse.invoicing.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.encaisse.shared.Money;
import io.encaisse.shared.VatTreatment;

/**
 * An order's net grouped by how VAT applies to each line for the buyer (goods and
 * services abroad at 0 % are two groups, K and AE; exempt lines with different wordings
 * too), and an amount spread over those groups in proportion, the rounding left on the
 * last group so the parts add up to the amount exactly. Pure: milestones and deposits
 * bill through it.
 */
public final class VatShares {

	private VatShares() {
	}

	/** A line's net and what decides its VAT. */
	public record Line(String sku, String unit, BigDecimal rate, Money net) {
	}

	/** The net of the lines under one VAT treatment (category, rate, legal wording). */
	public record Share(VatTreatment vat, String unit, Money base) {
	}

	/** The lines grouped by treatment, in the order each treatment first appears. */
	public static List<Share> of(List<Line> lines, Function<Line, VatTreatment> treatment) {
		Map<String, Share> groups = new LinkedHashMap<>();
		for (Line l : lines) {
			VatTreatment vat = treatment.apply(l);
			String key = vat.category() + "|" + vat.rate().toPlainString() + "|" + vat.exemptionReason();
			groups.merge(key, new Share(vat, l.unit(), l.net()),
					(a, b) -> new Share(a.vat(), a.unit(), a.base().plus(b.base())));
		}
		return new ArrayList<>(groups.values());
	}

	/**
	 * The value spread over the shares in proportion to their bases, rounded to the
	 * currency's cents, the last share taking what rounding left: the parts always add up
	 * to the value.
	 */
	public static List<Money> spread(List<Share> shares, Money value) {
		Money net = shares.stream().map(Share::base).reduce(Money.zero(value.currency()), Money::plus);
		int digits = value.currency().getDefaultFractionDigits();
		List<Money> parts = new ArrayList<>();
		Money placed = Money.zero(value.currency());
		for (int i = 0; i < shares.size(); i++) {
			Money part = i == shares.size() - 1 ? value.minus(placed)
					: net.isZero() ? Money.zero(value.currency())
							: new Money(value.amount()
								.multiply(shares.get(i).base().amount())
								.divide(net.amount(), digits, RoundingMode.HALF_UP), value.currency());
			placed = placed.plus(part);
			parts.add(part);
		}
		return parts;
	}

	/** The VAT wording of a share on a line of a bill that has several: "TVA S 20 %". */
	public static String vatLabel(Share share, String vatWord) {
		return vatWord + " " + share.vat().category() + " " + share.vat().rate().stripTrailingZeros().toPlainString()
				+ " %";
	}

}
