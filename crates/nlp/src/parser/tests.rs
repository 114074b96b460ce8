use super::*;
use proptest::prelude::*;

/// A tiny invented treebank (sentences written for these tests).
const TREEBANK: &str = "\
1\tMira\tMira\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tharbour\tharbour\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_
3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\tcriticised\tcriticise\tVERB\tVBN\t_\t0\troot\t_\t_
5\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_
6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
7\tunions\tunion\tNOUN\tNNS\t_\t4\tobl:agent\t_\t_
8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tresumed\tresume\tVERB\tVBD\t_\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tOslo\tOslo\tPROPN\tNNP\t_\t2\tobl\t_\t_
5\tyesterday\tyesterday\tNOUN\tNN\t_\t2\tobl:tmod\t_\t_
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tWhat\twhat\tPRON\tWP\t_\t4\tobj\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tshe\tshe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
4\tsay\tsay\tVERB\tVB\t_\t0\troot\t_\t_
5\tit\tit\tPRON\tPRP\t_\t6\tnsubj\t_\t_
6\twas\tbe\tAUX\tVBD\t_\t4\tccomp\t_\t_
7\tabout\tabout\tADP\tIN\t_\t1\tcase\t_\t_
8\t?\t?\tPUNCT\t.\t_\t4\tpunct\t_\t_
";

fn treebank() -> Vec<TrainTree> {
    dyad_text::conllu::parse(TREEBANK)
        .unwrap()
        .iter()
        .map(TrainTree::from_conllu)
        .collect()
}

fn is_single_rooted_tree(heads: &[usize]) -> bool {
    heads.iter().filter(|&&head| head == 0).count() == 1 && tree::is_tree(heads)
}

fn small_parser() -> Parser {
    small_parser_of(TransitionSystem::ArcHybrid)
}

fn small_parser_of(system: TransitionSystem) -> Parser {
    let config = ParserConfig {
        epochs: 15,
        min_updates: 1,
        system,
        // Two runs averaged: the shipped recipe's ensemble must still learn the trees.
        runs: 2,
        ..ParserConfig::default()
    };
    Parser::train(&treebank(), &config)
}

#[test]
fn learns_the_training_trees() {
    for system in [TransitionSystem::ArcHybrid, TransitionSystem::ArcEager] {
        learns_the_training_trees_with(system);
    }
}

fn learns_the_training_trees_with(system: TransitionSystem) {
    let parser = small_parser_of(system);
    for tree in treebank().iter().take(3) {
        let parsed = parser.parse_tree(tree);
        let heads: Vec<usize> = parsed.iter().map(|(head, _)| *head).collect();
        let labels: Vec<&str> = parsed.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(heads, tree.heads);
        assert_eq!(labels, tree.deprels);
    }
}

#[test]
fn round_trips_and_rejects_corrupt_bytes() {
    let parser = small_parser();
    let bytes = parser.to_bytes();
    let read = Parser::from_bytes(&bytes).unwrap();
    assert_eq!(read.to_bytes(), bytes);
    let tree = &treebank()[1];
    assert_eq!(read.parse_tree(tree), parser.parse_tree(tree));
    assert!(Parser::from_bytes(&bytes[..bytes.len() - 3]).is_err());
    assert!(Parser::from_bytes(b"nonsense").is_err());
}

#[test]
fn projectivises_by_lifting() {
    // 1 <- 3 crosses the arc 2 -> 4.
    let heads = [3, 0, 2, 2];
    assert!(tree::is_tree(&heads));
    let lifted = tree::projectivise(&heads);
    assert_eq!(lifted, vec![2, 0, 2, 2]);
}

#[test]
fn oracle_alone_rebuilds_gold_trees() {
    let systems = [TransitionSystem::ArcHybrid, TransitionSystem::ArcEager];
    for (tree, system) in treebank()
        .into_iter()
        .flat_map(|t| systems.map(|s| (t.clone(), s)))
    {
        let projective = tree::projectivise(&tree.heads);
        let gold = Gold::new(&projective);
        let mut state = State::new(tree.forms.len(), system);
        while !state.is_terminal() {
            let costs = state.costs(&gold);
            let transition = best_zero_cost(&costs, &[0.0; TRANSITIONS]);
            assert_eq!(costs[transition], 0);
            state.apply(transition, 0);
        }
        assert_eq!(&state.heads[1..=tree.forms.len()], projective.as_slice());
    }
}

#[test]
fn empty_input_gives_empty_parse() {
    let parser = small_parser();
    let input = ParseInput {
        forms: &[],
        upos: &[],
        xpos: &[],
    };
    assert!(parser.parse(&input).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn always_returns_one_rooted_tree(
        words in proptest::collection::vec("[a-zA-Z.,!?]{1,6}", 0..60),
        tags in proptest::collection::vec("(NOUN|VERB|PUNCT|X|ADP|zz)", 0..60),
    ) {
        let parser = Parser::from_bytes(&SMALL.with(|bytes| bytes.clone())).unwrap();
        let eager = Parser::from_bytes(&SMALL_EAGER.with(|bytes| bytes.clone())).unwrap();
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        for parser in [&parser, &eager] {
            let input = ParseInput { forms: &forms, upos: &tags, xpos: &tags[..tags.len() / 2] };
            let parsed = parser.parse(&input);
            prop_assert_eq!(parsed.len(), forms.len());
            let heads: Vec<usize> = parsed.iter().map(|(head, _)| *head).collect();
            prop_assert!(forms.is_empty() || is_single_rooted_tree(&heads));
            prop_assert!(parsed.iter().all(|(_, label)| !label.is_empty()));
        }
    }
}

thread_local! {
    static SMALL: Vec<u8> = small_parser().to_bytes();
    static SMALL_EAGER: Vec<u8> = small_parser_of(TransitionSystem::ArcEager).to_bytes();
}

#[test]
fn parses_a_thousand_words() {
    for system in [TransitionSystem::ArcHybrid, TransitionSystem::ArcEager] {
        parses_a_thousand_words_with(&small_parser_of(system));
    }
}

fn parses_a_thousand_words_with(parser: &Parser) {
    let forms = vec!["the"; 1000];
    let tags = vec!["DET"; 1000];
    let parsed = parser.parse(&ParseInput {
        forms: &forms,
        upos: &tags,
        xpos: &tags,
    });
    let heads: Vec<usize> = parsed.iter().map(|(head, _)| *head).collect();
    assert!(is_single_rooted_tree(&heads));
}
