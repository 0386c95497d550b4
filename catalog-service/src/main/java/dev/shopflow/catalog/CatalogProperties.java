package dev.shopflow.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog's settings ({@code shopflow.catalog.*}); defaults in {@code application.yml}.
 *
 * @param currency the ISO 4217 currency the store sells in: every price is in it, so that a cart can add prices up
 * @param cacheMaxAge how long a client or cache may reuse a catalog read without asking again (availability
 *        changes, so keep it short); after that it revalidates with its ETag
 * @param outOfStockRefresh how often the out-of-stock gauge is counted again from the database
 * @param priceGrace how long after a price is replaced inventory still reserves for an order at that price (the
 *        order was priced just before the change and was on its way); any other price catalog did not publish is
 *        refused
 * @param demo the demo catalog loaded into an empty database
 */
@Validated
@ConfigurationProperties("shopflow.catalog")
public record CatalogProperties(
        @NotNull String currency,
        @NotNull Duration cacheMaxAge,
        @NotNull Duration outOfStockRefresh,
        @NotNull Duration priceGrace,
        @Valid @NotNull Demo demo) {

    public CatalogProperties {
        if (currency != null && !isIsoCurrency(currency)) {
            throw new IllegalArgumentException("shopflow.catalog.currency must be an ISO 4217 code such as EUR, not "
                    + currency);
        }
    }

    private static boolean isIsoCurrency(String code) {
        return code.matches("[A-Z]{3}")
                && Currency.getAvailableCurrencies().stream().anyMatch(known -> known.getCurrencyCode().equals(code));
    }

    /**
     * @param enabled whether the demo catalog is loaded when the catalog is empty ({@code SHOPFLOW_CATALOG_DEMO_ENABLED})
     * @param stock units on hand of each demo product when it is loaded ({@code SHOPFLOW_CATALOG_DEMO_STOCK})
     * @param imageUrl the picture of each demo product; {@code {sku}} stands for its SKU
     */
    public record Demo(
            boolean enabled,
            @Min(0) @Max(1_000_000_000) int stock,
            @NotBlank String imageUrl) {
    }
}
