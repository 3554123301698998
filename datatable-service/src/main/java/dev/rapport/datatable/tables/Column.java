package dev.rapport.datatable.tables;

/**
 * One custom field of a table. {@code name} is Genesys's "API Field ID" (the property name, never changes);
 * {@code title} is the label shown to users (renamable).
 */
public record Column(String name, String title, ColumnType type, int displayOrder, Object defaultValue) {

    /** The value a row gets when it does not give this field. */
    public Object effectiveDefault() {
        return defaultValue != null ? defaultValue : type.implicitDefault();
    }
}
