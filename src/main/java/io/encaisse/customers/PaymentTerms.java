package io.encaisse.customers;

import java.time.LocalDate;

/**
 * When an invoice is due: its issue date plus the terms' days, or the end of that month
 * when the terms say "end of month" (French practice, Code de commerce L441-10). One rule
 * for the customer's file, an invoice issued alone and a billing run's thousands.
 */
public record PaymentTerms(int days, boolean endOfMonth) {

	public LocalDate dueDate(LocalDate issueDate) {
		LocalDate due = issueDate.plusDays(this.days);
		return this.endOfMonth ? due.withDayOfMonth(due.lengthOfMonth()) : due;
	}

}
