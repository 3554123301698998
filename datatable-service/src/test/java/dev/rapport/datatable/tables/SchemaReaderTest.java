package dev.rapport.datatable.tables;

import dev.rapport.contract.failure.DomainException.InvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Reading Genesys schema documents, without a server. */
class SchemaReaderTest {
    private final SchemaReader reader = new SchemaReader(200);

    @Test
    void fieldsWithoutDisplayOrderGoAfterTheOrderedOnesAndTheDocumentRoundTrips() throws Exception {
        TableSchema schema = read("""
                {"properties": {"key": {"title": "ANI"}, "b": {"type": "string"},
                 "a": {"type": "integer", "displayOrder": 2, "default": 3}, "c": {"type": "boolean"}}}""");

        assertThat(schema.columns()).extracting(Column::name, Column::displayOrder)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 2), org.assertj.core.groups.Tuple.tuple("b", 3),
                        org.assertj.core.groups.Tuple.tuple("c", 4));
        assertThat(reader.read(schema.toDocument())).isEqualTo(schema);
        assertThat(schema.toDocument().path("properties").path("a").path("default").asInt()).isEqualTo(3);
        assertThat(schema.column("b").orElseThrow().effectiveDefault()).isEqualTo("");
    }

    @Test
    void twoFieldsCannotShareADisplayOrderAndEveryProblemIsListed() {
        assertThatThrownBy(() -> read("""
                {"properties": {"key": {"title": ""}, "a": {"type": "string", "displayOrder": 1},
                 "b": {"type": "string", "displayOrder": 1}, "c": {"type": "list"}}}"""))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(d -> d.fieldName()).containsExactlyInAnyOrder("schema.properties.key.title",
                                "schema.properties.b.displayOrder", "schema.properties.c.type"));
    }

    private TableSchema read(String json) throws Exception {
        return reader.read(new ObjectMapper().readTree(json));
    }
}
