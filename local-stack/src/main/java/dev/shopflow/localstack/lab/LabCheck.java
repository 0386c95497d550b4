package dev.shopflow.localstack.lab;

import java.util.List;

/** What one lab's check looks for in the running stack. */
interface LabCheck {

    /** The lab's number, as its page is numbered in docs/labs/. */
    int number();

    String title();

    /** The lab's page, relative to the project folder. */
    String page();

    /**
     * Looks for the evidence the lab's steps leave behind.
     *
     * @return at least one finding; the check passes when none is {@link Finding.Kind#FAIL}
     */
    List<Finding> check(LabEvidence evidence) throws Exception;
}
