package io.encaisse.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.domain.RowDocument;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads a page of aggregates whole in one statement per table (the roots, then each
 * collection of all of them at once, then their own collections), where a repository
 * loads each aggregate's collections with statements of their own: a list then costs the
 * same number of statements whatever its size (issue 28, ADR 0018). The rows are read
 * into documents and handed to Spring Data's own converter, so the mapping (column names,
 * embedded values, list keys) is the one the repositories use. Answers the aggregates in
 * the order of the ids asked; ids not found are left out. A thousand at a time.
 */
@Component
public class AggregateBatch {

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcConverter converter;

	private final RelationalMappingContext mapping;

	AggregateBatch(NamedParameterJdbcTemplate jdbc, JdbcConverter converter) {
		this.jdbc = jdbc;
		this.converter = converter;
		this.mapping = converter.getMappingContext();
	}

	/**
	 * A page of the newest aggregates of this type (ids are time-ordered), or of those
	 * older than the cursor: one statement for the ids, then {@link #load}.
	 */
	public <T> Cursor.Page<T> page(Class<T> type, Cursor cursor) {
		RelationalPersistentEntity<?> entity = this.mapping.getRequiredPersistentEntity(type);
		String id = entity.getIdColumn().getReference();
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("select ").append(id)
			.append(" from ")
			.append(entity.getTableName().getReference());
		if (cursor.startingAfter() != null) {
			sql.append(" where ").append(id).append(" < :after");
			params.put("after", cursor.startingAfter());
		}
		sql.append(" order by ").append(id).append(" desc limit ").append(cursor.fetchSize());
		return cursor.page(load(type, this.jdbc.queryForList(sql.toString(), params, Object.class)));
	}

	public <T> List<T> load(Class<T> type, List<?> ids) {
		if (ids.size() > 1000) {
			List<T> loaded = new ArrayList<>(ids.size());
			for (int from = 0; from < ids.size(); from += 1000) {
				loaded.addAll(load(type, ids.subList(from, Math.min(ids.size(), from + 1000))));
			}
			return loaded;
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		RelationalPersistentEntity<?> entity = this.mapping.getRequiredPersistentEntity(type);
		String idColumn = entity.getIdColumn().getReference();
		Map<Object, RowDocument> roots = new LinkedHashMap<>();
		for (Map<String, Object> row : this.jdbc.query(
				"select * from " + entity.getTableName().getReference() + " where " + idColumn + " in (:ids)",
				Map.of("ids", ids), new ColumnMapRowMapper())) {
			roots.put(row.get(idColumn), new RowDocument(row));
		}
		collections(entity, roots);
		List<T> loaded = new ArrayList<>(roots.size());
		for (Object id : ids) {
			RowDocument document = roots.get(id);
			if (document != null) {
				loaded.add(this.converter.read(type, document));
			}
		}
		return loaded;
	}

	/**
	 * Puts each entity collection of these documents (keyed by their ids) into them, read
	 * in one statement per collection, then the collections' own, level by level.
	 */
	private void collections(RelationalPersistentEntity<?> owner, Map<Object, RowDocument> owners) {
		if (owners.isEmpty()) {
			return;
		}
		for (RelationalPersistentProperty property : owner) {
			if (!property.isEntity() || property.isEmbedded()) {
				// a column of the row (an embedded value's columns carry its prefix)
				continue;
			}
			if (!property.isCollectionLike()) {
				// no aggregate of ours has one; refused rather than loaded half
				throw new IllegalStateException(property + ": a single referenced entity is not read in batches");
			}
			RelationalPersistentEntity<?> child = this.mapping.getRequiredPersistentEntity(property.getActualType());
			String back = property.getReverseColumnName(owner).getReference();
			String key = property.isOrdered() ? property.getKeyColumn().getReference() : null;
			Map<Object, List<RowDocument>> byOwner = new HashMap<>();
			Map<Object, RowDocument> children = new LinkedHashMap<>();
			String childId = child.hasIdProperty() ? child.getIdColumn().getReference() : null;
			for (Map<String, Object> row : this.jdbc.query(
					"select * from " + child.getTableName().getReference() + " where " + back + " in (:ids)"
							+ (key == null ? "" : " order by " + back + ", " + key),
					Map.of("ids", new ArrayList<>(owners.keySet())), new ColumnMapRowMapper())) {
				RowDocument document = new RowDocument(row);
				byOwner.computeIfAbsent(row.get(back), k -> new ArrayList<>()).add(document);
				if (childId != null) {
					children.put(row.get(childId), document);
				}
			}
			String name = property.getColumnName().getReference();
			owners.forEach((id, document) -> document.put(name, byOwner.getOrDefault(id, List.of())));
			if (childId != null) {
				collections(child, children);
			}
			else if (hasEntityCollections(child)) {
				// its rows could not be told apart to hang their own collections on
				throw new IllegalStateException(child.getType() + " has collections but no id of its own");
			}
		}
	}

	private static boolean hasEntityCollections(RelationalPersistentEntity<?> entity) {
		for (RelationalPersistentProperty property : entity) {
			if (property.isEntity() && !property.isEmbedded()) {
				return true;
			}
		}
		return false;
	}

}
