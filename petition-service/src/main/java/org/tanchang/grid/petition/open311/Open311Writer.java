package org.tanchang.grid.petition.open311;

import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Open311 documents as the specification shows them: JSON arrays or objects with the record's fields, or XML
 * with the specification's root and item elements ({@code <services><service>}) and one element per field. The
 * XML is written by the JDK's StAX writer from the same records, so both formats always carry the same fields.
 */
@Component
class Open311Writer {

    /** List fields and the element of each of their entries. */
    private static final Map<String, String> ENTRY = Map.of("attributes", "attribute", "values", "value");

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final JsonMapper json;

    Open311Writer(JsonMapper json) {
        this.json = json;
    }

    /** A list document: a JSON array, or {@code <root><item>…</item>…</root>}. */
    ResponseEntity<String> list(HttpStatusCode status, Open311Format format, String root, String item,
            List<? extends Record> entries) {
        String body = format == Open311Format.JSON ? json.writeValueAsString(entries) : xml(root, item, entries);
        return ResponseEntity.status(status).contentType(format.mediaType).body(body);
    }

    /** A single document: a JSON object, or {@code <root>…</root>}. */
    ResponseEntity<String> one(Open311Format format, String root, Record document) {
        String body = format == Open311Format.JSON ? json.writeValueAsString(document) : xml(null, root,
                List.of(document));
        return ResponseEntity.ok().contentType(format.mediaType).body(body);
    }

    private static String xml(String root, String item, List<? extends Record> entries) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            if (root != null) {
                xml.writeStartElement(root);
            }
            for (Record entry : entries) {
                element(xml, item, entry);
            }
            if (root != null) {
                xml.writeEndElement();
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write Open311 XML", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeStartElement(name);
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                element(xml, fieldName(component.getName()), read(component, record));
            }
        } else if (value instanceof List<?> entries) {
            for (Object entry : entries) {
                element(xml, ENTRY.getOrDefault(name, "entry"), entry);
            }
        } else if (value != null) {
            xml.writeCharacters(value.toString());
        }
        xml.writeEndElement();
    }

    /** {@code _long}: the specification's {@code long}, a Java keyword. */
    private static String fieldName(String component) {
        return component.startsWith("_") ? component.substring(1) : component;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
