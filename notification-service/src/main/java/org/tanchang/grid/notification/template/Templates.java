package org.tanchang.grid.notification.template;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.yaml.snakeyaml.Yaml;

/**
 * The message templates of notification-templates.yml, rendered with FreeMarker. A kind without a template in the
 * recipient's language falls back to the default language; the rendered text is scrubbed of personal data once
 * more, so even a template that prints a raw field cannot leak an ID number or a mobile.
 */
@Component
public class Templates {

    /** A rendered message. */
    public record Message(String title, String body) {
    }

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    private final Set<String> names = new TreeSet<>();
    private final String defaultLanguage;

    Templates(@Value("${tanchang.notification.templates}") Resource resource,
            @Value("${tanchang.notification.default-language}") String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
        StringTemplateLoader loader = new StringTemplateLoader();
        try (InputStream in = resource.getInputStream()) {
            Map<String, Map<String, Map<String, String>>> all = new Yaml().load(in);
            all.forEach((kind, languages) -> languages.forEach((language, parts) -> parts.forEach((part, text) -> {
                loader.putTemplate(name(kind, language, part), text);
                names.add(name(kind, language, part));
            })));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        freemarker.setTemplateLoader(loader);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setNumberFormat("computer");
        freemarker.setAPIBuiltinEnabled(false);
    }

    public boolean has(String kind) {
        return names.contains(name(kind, defaultLanguage, "title"));
    }

    public Message render(String kind, String language, Map<String, Object> model) {
        String lang = names.contains(name(kind, language, "title")) ? language : defaultLanguage;
        return new Message(part(kind, lang, "title", model), part(kind, lang, "body", model));
    }

    private String part(String kind, String language, String part, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(name(kind, language, part));
            StringWriter out = new StringWriter();
            template.process(model, out);
            return FreeText.scrub(out.toString().strip());
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Template " + name(kind, language, part) + " failed: " + e.getMessage(), e);
        }
    }

    private static String name(String kind, String language, String part) {
        return kind + "/" + language + "/" + part;
    }
}
