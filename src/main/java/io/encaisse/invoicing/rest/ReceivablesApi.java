package io.encaisse.invoicing.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.encaisse.invoicing.ReceivablesImport;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Receivables")
class ReceivablesApi {

	private final ReceivablesImport receivables;

	ReceivablesApi(ReceivablesImport receivables) {
		this.receivables = receivables;
	}

	record ImportResponse(int imported, int rejected, List<Map<String, Object>> errors) {
	}

	/**
	 * Open invoices of another system, as CSV; all or nothing unless
	 * {@code ?partial=true}.
	 */
	@PostMapping(path = "/api/v1/receivables/import", consumes = { "text/csv", "text/plain" })
	@PreAuthorize(Roles.COLLECT_CASH)
	ImportResponse importCsv(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean partial)
			throws IOException {
		ReceivablesImport.Result result = this.receivables
			.importCsv(Csv.utf8(request.getInputStream(), 50L * 1024 * 1024), partial);
		return new ImportResponse(result.imported(), result.rejected(),
				result.errors()
					.stream()
					.map(e -> Map.<String, Object>of("line", e.line(), "field", e.field(), "message", e.message()))
					.toList());
	}

}
