/* batch-cmds.h: the commands bti-batch runs, as CMD(name, main): each
 * cmd/NAME.c is built a second time with its main renamed (Makefile). */
CMD("bti-new", bti_new_main)
CMD("bti-level", bti_level_main)
CMD("bti-guardian", bti_guardian_main)
CMD("bti-consent", bti_consent_main)
CMD("bti-service", bti_service_main)
CMD("bti-coordinator", bti_coordinator_main)
CMD("bti-goal", bti_goal_main)
CMD("bti-measure", bti_measure_main)
CMD("bti-meeting", bti_meeting_main)
CMD("bti-notify", bti_notify_main)
CMD("bti-evaluate", bti_evaluate_main)
CMD("bti-correct", bti_correct_main)
