package dev.shopflow.localstack.lab;

/**
 * One line of a lab check's answer: something the learner's stack shows ({@code PASS}), something it does not show yet
 * and how to get there ({@code FAIL}), or a remark that decides nothing ({@code NOTE}).
 */
record Finding(Kind kind, String text) {

    enum Kind { PASS, FAIL, NOTE }

    static Finding pass(String text) {
        return new Finding(Kind.PASS, text);
    }

    static Finding fail(String text) {
        return new Finding(Kind.FAIL, text);
    }

    static Finding note(String text) {
        return new Finding(Kind.NOTE, text);
    }

    boolean failed() {
        return kind == Kind.FAIL;
    }
}
