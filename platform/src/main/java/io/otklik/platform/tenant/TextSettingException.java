package io.otklik.platform.tenant;

/**
 * A {@link TenantValidator}'s finding inside one text setting of a tenant (routing's {@code rules}): the line and
 * column within that text, so {@link TenantRegistry} can also name the line and column in tenants.yaml.
 */
public class TextSettingException extends IllegalArgumentException {

    private final String setting;
    private final int line;
    private final int column;

    /**
     * @param setting the tenant's key in tenants.yaml ({@code rules})
     * @param line    1-based line within the setting's text
     * @param column  1-based column within that line
     * @param message what is wrong, as the validator says it (it may name the line in the text itself)
     */
    public TextSettingException(String setting, int line, int column, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
        this.line = line;
        this.column = column;
    }

    public String setting() {
        return setting;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
