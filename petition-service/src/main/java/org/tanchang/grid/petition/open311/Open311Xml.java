package org.tanchang.grid.petition.open311;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.codehaus.stax2.XMLOutputFactory2;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.xml.JacksonXmlHttpMessageConverter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.util.StdConverter;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * The facade's XML, written by jackson-dataformat-xml from the same records as its JSON, byte for byte as the StAX
 * writer it replaced wrote it: a declaration in double quotes, every field as an element, a null one and an empty list
 * as {@code <name></name>}, never {@code <name/>} or {@code xsi:nil}.
 */
final class Open311Xml {

    private Open311Xml() {
    }

    static XmlMapper mapper() {
        WstxOutputFactory output = new WstxOutputFactory();
        output.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
        output.setProperty(XMLOutputFactory2.P_AUTOMATIC_EMPTY_ELEMENTS, false);
        return XmlMapper.builder(XmlFactory.builder().xmlOutputFactory(output).build())
                .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
                .disable(XmlWriteFeature.WRITE_NULLS_AS_XSI_NIL)
                .defaultUseWrapper(false)
                .addModule(new SimpleModule("open311-xml").setDefaultNullValueSerializer(new EmptyElement()))
                .addMixIn(Open311Model.ListDocument.class, ElementPerEntry.class)
                .addMixIn(Open311Model.Attribute.class, AttributeValues.class)
                .build();
    }

    /**
     * Spring MVC's XML converter, for the facade's documents only: with it on the classpath every other endpoint would
     * otherwise answer {@code Accept: application/xml} too, problems included, which the API does not offer.
     */
    static final class Converter extends JacksonXmlHttpMessageConverter {

        private final JsonMapper json;

        Converter(JsonMapper json) {
            super(mapper());
            this.json = json;
        }

        @Override
        public boolean canRead(ResolvableType type, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
            return valueClass.getEnclosingClass() == Open311Model.class && super.canWrite(type, valueClass, mediaType);
        }

        /**
         * The platform's scrubbing of public answers hands a document it masked over as its JSON tree: read back
         * into the document, so it keeps its elements.
         */
        @Override
        protected void writeInternal(Object body, ResolvableType type, HttpOutputMessage output,
                Map<String, Object> hints) throws IOException {
            Object document = body instanceof JsonNode tree ? json.treeToValue(tree, type.toClass()) : body;
            super.writeInternal(document, type, output, hints);
        }
    }

    /** The list documents keep their root element in XML; their JSON form is the bare array. */
    abstract static class ElementPerEntry {
        @JsonValue(false)
        abstract List<?> entries();
    }

    /** Jackson leaves a null wrapped list out; the specification's {@code <values>} is written for every attribute. */
    abstract static class AttributeValues {
        @JsonSerialize(converter = ValuesElement.class)
        abstract List<Open311Model.Value> values();
    }

    static final class ValuesElement extends StdConverter<List<Open311Model.Value>, Open311Model.Values> {
        @Override
        public Open311Model.Values convert(List<Open311Model.Value> values) {
            return new Open311Model.Values(values);
        }
    }

    static final class EmptyElement extends StdSerializer<Object> {
        EmptyElement() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
            generator.writeString("");
        }
    }
}
