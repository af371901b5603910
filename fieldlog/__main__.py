from fieldlog.cli import main

raise SystemExit(main())
