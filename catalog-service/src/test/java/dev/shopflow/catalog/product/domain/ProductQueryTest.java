package dev.shopflow.catalog.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductQueryTest {

    private static List<String> fieldsRefused(String page, String size, String q, String category, String sort,
            String minPrice, String maxPrice) {
        try {
            ProductQuery.parse(page, size, q, category, sort, minPrice, maxPrice);
            return List.of();
        } catch (InvalidProductQuery e) {
            return e.violations().stream().map(Violation::field).toList();
        }
    }

    @Test
    void takesDefaultsForMissingAndBlankParameters() {
        var query = ProductQuery.parse(null, " ", "", null, null, null, "");

        assertThat(query).isEqualTo(new ProductQuery(0, 20, Optional.empty(), Optional.empty(), ProductSort.NAME,
                Optional.empty(), Optional.empty()));
        assertThat(query.offset()).isZero();
    }

    @Test
    void sortsByRelevanceByDefaultWhenThereIsASearchTerm() {
        assertThat(ProductQuery.parse(null, null, "kettle", null, null, null, null).sort()).isEqualTo(ProductSort.RELEVANCE);
        assertThat(ProductQuery.parse(null, null, "kettle", null, "price", null, null).sort()).isEqualTo(ProductSort.PRICE);
    }

    @Test
    void readsEverySortByItsParameterName() {
        for (var sort : ProductSort.values()) {
            assertThat(ProductQuery.parse(null, null, "x", null, sort.parameter(), null, null).sort()).isEqualTo(sort);
        }
    }

    @Test
    void foldsWhiteSpaceAndControlCharactersInTheSearchTerm() {
        var query = ProductQuery.parse(null, null, "  gooseneck\t\n kettle\u0000 ", null, null, null, null);

        assertThat(query.text()).contains("gooseneck kettle");
        assertThat(ProductQuery.parse(null, null, "\u0000\u0001", null, null, null, null).text()).isEmpty();
    }

    @Test
    void computesWhereAPageStartsWithoutOverflowing() {
        var query = ProductQuery.parse(String.valueOf(Integer.MAX_VALUE), "100", null, null, null, null, null);

        assertThat(query.offset()).isEqualTo(Integer.MAX_VALUE * 100L);
    }

    @Test
    void refusesPageSizesOutsideOneToAHundred() {
        assertThat(fieldsRefused(null, "0", null, null, null, null, null)).containsExactly("size");
        assertThat(fieldsRefused(null, "101", null, null, null, null, null)).containsExactly("size");
        assertThat(fieldsRefused(null, "1", null, null, null, null, null)).isEmpty();
        assertThat(fieldsRefused(null, "100", null, null, null, null, null)).isEmpty();
    }

    @Test
    void refusesWhatIsNotAWholeNumberWhereOneIsExpected() {
        for (String value : List.of("abc", "1.5", "-1", "1e3", "99999999999999999999", "0x10")) {
            assertThat(fieldsRefused(value, value, null, null, null, value, value)).as(value)
                    .containsExactly("page", "size", "minPrice", "maxPrice");
        }
    }

    @Test
    void refusesAnInvertedPriceRange() {
        assertThat(fieldsRefused(null, null, null, null, null, "500", "499")).containsExactly("minPrice");
        assertThat(ProductQuery.parse(null, null, null, null, null, "500", "500").minPrice()).contains(500L);
    }

    @Test
    void refusesUnknownSortsAndRelevanceWithoutASearchTerm() {
        assertThat(fieldsRefused(null, null, null, null, "popular", null, null)).containsExactly("sort");
        assertThat(fieldsRefused(null, null, null, null, "relevance", null, null)).containsExactly("sort");
        assertThat(fieldsRefused(null, null, null, null, "NAME", null, null)).containsExactly("sort");
    }

    @Test
    void refusesACategoryThatIsNotASlugAndASearchTermOverTwoHundredCharacters() {
        assertThat(fieldsRefused(null, null, "q".repeat(201), "Coffee & Tea", null, null, null))
                .containsExactly("q", "category");
        assertThat(fieldsRefused(null, null, "q".repeat(200), "coffee-tea", null, null, null)).isEmpty();
    }

    @Test
    void namesEveryWrongParameterInOneError() {
        assertThatThrownBy(() -> ProductQuery.parse("-1", "0", null, null, "x", null, null))
                .isInstanceOfSatisfying(InvalidProductQuery.class, error -> assertThat(error.violations())
                        .extracting(Violation::field).containsExactly("page", "size", "sort"));
    }
}
